// The Web API Tool's script: copy buttons on code snippets and the type-dependent body template. Everything
// else (forms, paging, links) is plain HTML and works without it.

document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('button.copy[data-copy]')) {
    const source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.textContent);
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Copy failed';
      }
      setTimeout(() => {
        button.textContent = 'Copy';
      }, 2000);
    });
  }
  // A type picker swaps the body template for that type's (the templates are a JSON data block on the page).
  for (const picker of document.querySelectorAll('select[data-templates]')) {
    const data = document.getElementById(picker.dataset.templates);
    const target = document.getElementById(picker.dataset.target);
    if (!data || !target) continue;
    const templates = JSON.parse(data.textContent);
    picker.addEventListener('change', () => {
      const t = templates[picker.value];
      if (t !== undefined) target.value = JSON.stringify(t, null, 2);
    });
  }
});
