// Theming knobs for the demo page: each control sets a --news-* custom property (or a ::part() rule) on the demo's
// widget area, exactly as an embedding page would. Plain JS, no build step; the package's tests import it too.

/** Connects the knobs in `root` to the widget area in `root`. Returns the widget area. */
export function wireKnobs(root = document) {
  const area = root.querySelector('#widgets');
  const knobs = root.querySelector('#knobs');
  const partRules = document.createElement('style');
  root.querySelector('main')?.append(partRules);

  const apply = () => {
    const value = (name) => knobs.elements.namedItem(name);
    const set = (property, knob) => {
      const control = value(knob);
      const use = control.type === 'color' ? value(`${knob}-on`)?.checked : control.value;
      if (use) area.style.setProperty(property, control.value);
      else area.style.removeProperty(property);
    };
    set('--news-color-scheme', 'scheme');
    set('--news-color-accent', 'accent');
    set('--news-color-surface', 'surface');
    set('--news-color-text', 'text');
    set('--news-font-family', 'font');
    area.style.fontSize = `${value('size').value}px`;
    partRules.textContent = value('serif').checked
      ? '#widgets ::part(headline), #widgets ::part(heading) { font-family: Georgia, "Times New Roman", serif; }'
      : '';
    root.querySelectorAll('news-article-card[data-layout-knob]').forEach((card) => card.setAttribute('layout', value('layout').value));
  };
  knobs.addEventListener('input', apply);
  knobs.addEventListener('change', apply);
  apply();
  return area;
}
