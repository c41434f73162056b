vcl 4.1;
# The edge of `npm run start:cluster`: caches what the reader site marks shareable (Cache-Control s-maxage,
# stale-while-revalidate), groups objects by the surrogate keys the site sends (Surrogate-Key → xkey), purges by key
# when the site says so, keeps serving stale objects in grace when every web instance (or the CMS behind them) is
# down, and spreads misses over the healthy web instances. The backends are filled in at start.

import directors;
import std;
import xkey;

__BACKENDS__

acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_init {
  new web = directors.round_robin();
__DIRECTOR__
}

sub vcl_recv {
  set req.backend_hint = web.backend();
  # While an instance is healthy a stale object is served for at most 10 s (refreshed in the background); when none
  # is, for the whole grace period.
  if (std.healthy(req.backend_hint)) { set req.grace = 10s; }
  # Only the site's own notion of the client's scheme and host reaches it.
  unset req.http.X-Forwarded-Host;
  unset req.http.X-Forwarded-Proto;
  unset req.http.Forwarded;

  if (req.method == "PURGE") {
    if (client.ip !~ purgers) { return (synth(403, "Forbidden")); }
    if (!req.http.xkey) { return (synth(400, "PURGE needs an xkey header")); }
    set req.http.n-gone = xkey.purge(req.http.xkey);
    return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
  }
  if (req.method != "GET" && req.method != "HEAD") { return (pass); }
  # A GET or HEAD with a body is how requests are smuggled: refuse it.
  if (req.http.Content-Length && req.http.Content-Length != "0") { return (synth(400, "GET and HEAD take no body")); }
  if (req.http.Transfer-Encoding) { return (synth(400, "GET and HEAD take no body")); }
  # Editors' previews and signed-in requests are never shared.
  if (req.http.Cookie ~ "(^|;\s*)(__prerender_bypass|__next_preview_data|payload-token)=") { return (pass); }
  unset req.http.Cookie;
  # Entries are kept per encoding the site answers with (gzip or identity).
  if (req.http.Accept-Encoding ~ "gzip") { set req.http.Accept-Encoding = "gzip"; } else { unset req.http.Accept-Encoding; }
  return (hash);
}

sub vcl_backend_fetch {
  # A retry goes to the next healthy instance.
  if (bereq.retries > 0) { set bereq.backend = web.backend(); }
}

sub vcl_backend_response {
  if (beresp.http.Surrogate-Key) { set beresp.http.xkey = beresp.http.Surrogate-Key; }
  # Stale copies are kept a day after they expire, to serve while the site re-renders or is down.
  set beresp.grace = 24h;
  if (beresp.status >= 500 && bereq.is_bgfetch) { return (abandon); }
  if (beresp.status >= 500) { set beresp.ttl = 0s; set beresp.uncacheable = true; return (deliver); }
}

sub vcl_backend_error {
  if (bereq.retries < 2) { return (retry); }
}

sub vcl_deliver {
  if (obj.hits > 0) { set resp.http.X-Edge-Cache = "HIT"; } else { set resp.http.X-Edge-Cache = "MISS"; }
  unset resp.http.xkey;
  unset resp.http.Via;
  unset resp.http.X-Varnish;
}
