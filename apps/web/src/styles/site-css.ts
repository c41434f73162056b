/**
 * The whole site's CSS, inlined into every page's <head>: one small sheet costs less than a render-blocking request.
 * Ads reserve their exact size per breakpoint from custom properties set on each slot (see render/ad-slot.ts).
 * The "Latest Headlines" rail on article pages has 8 rows (RAIL_LENGTH in lib/page-data.ts) of one fixed height, headlines
 * clamped to two lines: refreshing it from the widget JSON after load changes its text, never its size (CLS 0).
 */
export const siteCss = `
:root{color-scheme:light dark;--text:#1b1b1b;--muted:#595959;--accent:#0b50c4;--bg:#fff;--rule:#d6d6d6;--tint:#f3f3f1;--serif:Georgia,'Times New Roman',serif;--sans:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
@media (prefers-color-scheme:dark){:root{--text:#ececec;--muted:#b8b8b8;--accent:#8ab4f8;--bg:#121212;--rule:#3a3a3a;--tint:#1e1e1e}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:1.0625rem/1.6 var(--serif)}
a{color:var(--accent)}
a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-10000px;top:0;padding:.5rem 1rem;background:var(--bg);font-family:var(--sans)}
.skip:focus{left:1rem;z-index:10}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.site-header{border-bottom:3px solid var(--text);font-family:var(--sans)}
.site-header .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1.5rem;padding-top:.75rem;padding-bottom:.5rem}
.brand{font:700 1.625rem/1.2 var(--serif);color:var(--text);text-decoration:none}
.site-nav ul{display:flex;flex-wrap:wrap;gap:0 1.25rem;margin:0;padding:0;list-style:none}
.site-nav a{display:inline-block;padding:.625rem 0;color:var(--text);text-decoration:none;font-size:.95rem}
.site-nav a:hover{text-decoration:underline}
.layout{max-width:72rem;margin:0 auto;padding:1rem;display:grid;gap:2rem;grid-template-columns:minmax(0,1fr)}
@media (min-width:980px){.layout.has-rail{grid-template-columns:minmax(0,1fr) 20rem}}
main{min-width:0}
.article{max-width:42rem}
.kicker{margin:0;font:600 .8rem/1.4 var(--sans);text-transform:uppercase;letter-spacing:.06em}
.kicker a{text-decoration:none}
h1{font:700 clamp(1.75rem,4.5vw,2.5rem)/1.15 var(--serif);margin:.25rem 0 .75rem}
.dek{font-size:1.2rem;line-height:1.45;color:var(--muted);margin:0 0 1rem}
.meta{font:.9rem/1.5 var(--sans);color:var(--muted);margin:0 0 1rem}
.meta p{margin:0}
.byline a{color:var(--text);font-weight:600}
.corrections{margin:0 0 1.25rem;padding:.75rem 1rem;border-left:4px solid var(--accent);background:var(--tint);font:.95rem/1.5 var(--sans)}
.corrections h2{font:700 1rem/1.4 var(--sans);margin:0 0 .375rem}
.corrections ul{margin:0;padding:0;list-style:none}
.corrections li+li{margin-top:.5rem}
.lead-photo{margin:0 0 1.25rem}
.lead-photo img{display:block;width:100%;height:auto}
.dateline{font:600 .85rem/1.5 var(--sans);text-transform:none;margin:0 0 .5rem}
.body p{margin:0 0 1.1em}
.body h2,.body h3{font-family:var(--serif);line-height:1.25;margin:1.5em 0 .5em}
.body img{max-width:100%;height:auto}
.body blockquote{margin:1em 0;padding-left:1em;border-left:3px solid var(--rule)}
.tags{font:.85rem/1.5 var(--sans);color:var(--muted)}
.rail{display:grid;gap:1.5rem;align-content:start}
.ad{display:var(--ad-m,none);margin:1.5rem 0;contain:layout}
.ad-label{margin:0 0 .25rem;height:1rem;font:600 .6875rem/1rem var(--sans);letter-spacing:.08em;text-transform:uppercase;text-align:center;color:var(--muted)}
.ad-box{width:var(--ad-w-m);height:var(--ad-h-m);max-width:100%;margin:0 auto;overflow:hidden;background:var(--tint)}
@media (min-width:740px){.ad{display:var(--ad-t,none)}.ad-box{width:var(--ad-w-t);height:var(--ad-h-t)}}
@media (min-width:980px){.ad{display:var(--ad-d,none)}.ad-box{width:var(--ad-w-d);height:var(--ad-h-d)}}
.ad-creative{display:block;width:100%;height:100%;border:0}
img.ad-creative{object-fit:contain}
.ad-link{display:flex;width:100%;height:100%;align-items:center;justify-content:center;padding:.25rem .5rem;text-align:center;font:600 .95rem/1.3 var(--sans);text-decoration:none;color:var(--text)}
.rail .ad{margin:0}
.rail-more{margin:.5rem 0 0;font:.9rem/1.5 var(--sans)}
.rail news-related-headlines::part(list){display:block;min-height:calc(8*5.5em)}
.rail news-related-headlines::part(item){box-sizing:border-box;height:5.5em}
.rail news-related-headlines::part(link){display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden}
.rail news-related-headlines::part(meta){flex-wrap:nowrap;white-space:nowrap;overflow:hidden}
.page-title{font:700 2rem/1.2 var(--serif);margin:.5rem 0 1rem}
.intro{color:var(--muted);margin:0 0 1.5rem;max-width:42rem}
.cards{display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,20rem),1fr));margin:0 0 2rem;padding:0;list-style:none}
.cards.top{grid-template-columns:minmax(0,1fr)}
@media (min-width:740px){.cards.top{grid-template-columns:2fr 1fr}.cards.top>li:first-child{grid-row:span 2}}
.section-heading{font:700 1.25rem/1.3 var(--sans);margin:0 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--rule)}
.pagination ul{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;margin:0 0 2rem;padding:0;list-style:none;font:.95rem/1.5 var(--sans)}
.pagination a{display:inline-block;padding:.5rem 0}
.preview-banner{background:#7a2e00;color:#fff;font:600 .9rem/1.4 var(--sans);padding:.5rem 1rem;text-align:center}
.preview-banner a{color:#fff}
.notice{max-width:42rem;padding:2rem 0}
.snippet{display:block;white-space:pre-wrap;overflow-wrap:anywhere;background:var(--tint);padding:1rem;font:.85rem/1.5 ui-monospace,monospace;border:1px solid var(--rule)}
.embed-demo{border:1px dashed var(--rule);padding:1rem;margin:0 0 2rem}
.site-search{display:flex;gap:.25rem;margin-left:auto;align-self:center}
.site-search input,.search-form input{min-width:0;padding:.375rem .5rem;font:1rem/1.4 var(--sans);color:var(--text);background:var(--bg);border:1px solid var(--muted);border-radius:2px}
.site-search input{width:11rem}
.site-search button,.search-form button{padding:.375rem .75rem;font:600 .95rem/1.4 var(--sans);color:var(--bg);background:var(--accent);border:1px solid var(--accent);border-radius:2px;cursor:pointer}
.search-form{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin:0 0 1rem;max-width:42rem;font-family:var(--sans)}
.search-form label{flex-basis:100%;font-size:.95rem;color:var(--muted)}
.search-form input{flex:1 1 14rem}
.results{margin:0 0 2rem;padding:0;list-style:none;max-width:42rem}
.result{padding:1rem 0;border-bottom:1px solid var(--rule)}
.result h2{font:700 1.25rem/1.3 var(--serif);margin:0 0 .25rem}
.result-meta{font:.85rem/1.5 var(--sans);color:var(--muted);margin:0 0 .25rem}
.result-snippet{margin:0}
mark{background:#ffe680;color:#1b1b1b;padding:0 .1em}
.site-footer{border-top:1px solid var(--rule);margin-top:2rem;padding:1.5rem 0;font:.85rem/1.6 var(--sans);color:var(--muted)}
.site-footer ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0;padding:0;list-style:none}
.site-footer a{display:inline-block;padding:.25rem 0}
news-article-card,news-related-headlines,news-photo-caption{display:block}
.licensing{max-width:42rem}
.licensing h1{font:700 2rem/1.2 var(--serif);margin:.5rem 0 1rem}
.licensing h2{font:700 1.25rem/1.3 var(--sans);margin:1.5rem 0 .75rem}
.rights{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.375rem 1rem;margin:0 0 1.5rem;font:.95rem/1.5 var(--sans)}
.rights dt{font-weight:600}
.rights dd{margin:0}
.license-form p{display:grid;gap:.25rem;margin:0 0 1rem;font-family:var(--sans)}
.license-form input,.license-form select,.license-form textarea{padding:.5rem;font:1rem/1.4 var(--sans);color:var(--text);background:var(--bg);border:1px solid var(--muted);border-radius:2px}
.license-form [aria-invalid=true]{border-color:#b3261e;border-width:2px}
.license-form button{justify-self:start;padding:.5rem 1rem;font:600 1rem/1.4 var(--sans);color:var(--bg);background:var(--accent);border:1px solid var(--accent);border-radius:2px;cursor:pointer}
.optional{font-weight:400;color:var(--muted)}
.field-error{color:#b3261e;font:600 .9rem/1.4 var(--sans)}
@media (prefers-color-scheme:dark){.field-error{color:#ffb4ab}.license-form [aria-invalid=true]{border-color:#ffb4ab}}
.form-problem{border-left:4px solid #b3261e;padding:.5rem 1rem;margin:0 0 1rem;font-family:var(--sans)}
.form-problem h3{margin:0 0 .25rem;font-size:1rem}
.license-sent{border-left:4px solid var(--accent);padding:.5rem 1rem;font-family:var(--sans)}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
`
  .replace(/\n/g, '')
  .trim();
