import type { PlanSheet } from '../../core/planner/planSheet';

/**
 * The whole plan beside the chart: one table per section, built with textContent (every string
 * came from the extension's data and is shown as text, never as markup).
 */
export function renderPlan(section: HTMLElement, body: HTMLElement, sheet: PlanSheet | undefined): void {
  section.hidden = !sheet;
  if (!sheet) {
    body.replaceChildren();
    return;
  }
  const parts: HTMLElement[] = [];
  for (const group of sheet.sections) {
    const heading = document.createElement('h2');
    heading.textContent = group.heading;
    const table = document.createElement('table');
    for (const row of group.rows) {
      const tr = document.createElement('tr');
      if (row.tone) tr.className = `tone-${row.tone}`;
      const label = document.createElement('th');
      label.scope = 'row';
      label.textContent = row.label;
      const value = document.createElement('td');
      const main = document.createElement('div');
      main.textContent = row.value;
      value.append(main);
      if (row.note) {
        const note = document.createElement('div');
        note.className = 'row-note';
        note.textContent = row.note;
        value.append(note);
      }
      tr.append(label, value);
      table.append(tr);
    }
    parts.push(heading, table);
  }
  if (sheet.warnings.length) {
    const heading = document.createElement('h2');
    heading.textContent = 'Notes';
    const list = document.createElement('ul');
    for (const warning of sheet.warnings) {
      const item = document.createElement('li');
      item.textContent = warning;
      list.append(item);
    }
    parts.push(heading, list);
  }
  body.replaceChildren(...parts);
}
