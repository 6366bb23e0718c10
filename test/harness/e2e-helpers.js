// What a person does in the workbench, as Playwright steps. Each step waits for what the
// workbench shows in answer (a row, a tab, a hover), never for a fixed time.
const fs = require('fs');
const path = require('path');

/**
 * @param {import('playwright-core').Page} page
 * @param {{ screenshotsDir: string, folder?: string }} options `folder`: the workspace the page has open
 */
function createHelpers(page, { screenshotsDir, folder }) {
  const quickInput = page.locator('.quick-input-widget');
  const activeEditor = page.locator(ACTIVE_EDITOR).first();

  /**
   * Types into the open quick input and accepts the row labelled `label` once it is the focused one.
   * The input is focused first: under load a webview could still hold the focus when the widget
   * appeared, and the keystrokes went there (plan-view in CI).
   */
  async function pick(typed, label) {
    await quickInput.waitFor({ state: 'visible' });
    await quickInput.locator('input').first().focus();
    await page.keyboard.type(typed);
    // Enter accepts the focused row; wait until the filtered list has focused ours.
    await quickInput.locator('.monaco-list-row.focused', { hasText: label }).waitFor();
    await page.keyboard.press('Enter');
  }

  /**
   * Presses the key that opens a quick input (Ctrl+P, F1) until the widget shows. Under load a key
   * pressed just after a dialog closes or while a webview holds the focus can be lost (plan-write-back
   * in CI: the widget never showed); blurring whatever holds the focus (a webview's frame) gives the
   * key back to the workbench, which listens on the window.
   */
  async function openQuickInput(key) {
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press(key);
      try {
        await quickInput.waitFor({ state: 'visible', timeout: 5000 });
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await page.evaluate(() => /** @type {HTMLElement | null} */ (document.activeElement)?.blur());
      }
    }
  }

  /** Opens a file of the workspace through Quick Open (Ctrl+P); resolves when its tab is active. */
  async function openFile(relPath) {
    const name = path.posix.basename(relPath);
    await openQuickInput('Control+P');
    await pick(relPath, name);
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await activeEditor.locator('.view-line').first().waitFor();
  }

  /** Moves the cursor to a line of the active editor (Ctrl+G), which scrolls it into view. */
  async function goToLine(line) {
    await activeEditor.click({ position: { x: 200, y: 10 } });
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');
    await activeEditor.locator('.view-line').first().waitFor();
  }

  /** Runs a command by its palette title (with category, e.g. "Compute Budget: Show Chart"). */
  async function runCommand(title) {
    await openQuickInput('F1');
    await pick(title, title);
  }

  /** Saves a PNG of the page to test-artifacts/screenshots/<name>.png and returns its path. */
  async function screenshot(name) {
    fs.mkdirSync(screenshotsDir, { recursive: true });
    const file = path.join(screenshotsDir, `${name}.png`);
    await page.screenshot({ path: file });
    return file;
  }

  /** The text of the active editor's rendered lines, top to bottom. */
  async function editorText() {
    await activeEditor.locator('.view-line').first().waitFor();
    return activeEditor.evaluate((editor) =>
      [...editor.querySelectorAll('.view-line')]
        .map((line) => ({ top: parseFloat(/** @type {HTMLElement} */ (line).style.top) || 0, text: line.textContent || '' }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text.replace(/\u00a0/g, ' '))
        .join('\n'),
    );
  }

  /**
   * Moves the mouse over the first occurrence of `text` in the active editor and waits for the
   * hover; with `expected`, waits until the hover shows that text (hovers load asynchronously).
   * Resolves with the hover's text. The workbench asks the providers once per mouse position:
   * if the extension activates after that, no hover shows, so first wait for a sign that it is
   * active (waitForStatusBarItem, or a decoration it draws).
   */
  async function hoverAt(text, expected) {
    await activeEditor.locator('.view-line', { hasText: text }).first().waitFor();
    const point = await activeEditor.evaluate(centreOfText, text);
    if (!point) throw new Error(`"${text}" is not on screen in the active editor`);
    // Come from outside the editor: Monaco shows a hover on mouse movement, not on position.
    await page.mouse.move(0, 0);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    const hover = page
      .locator('.monaco-hover', expected ? { hasText: expected } : {})
      .filter({ visible: true })
      .first();
    await hover.waitFor({ state: 'visible' });
    return hover.innerText();
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M) and resolves with the text of its rows (file rows and
   * marker rows). With `atLeast`, first waits until that many rows are shown.
   */
  async function openProblems(atLeast = 0) {
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible' });
    const rows = panel.locator('.monaco-list-row');
    if (atLeast > 0) await rows.nth(atLeast - 1).waitFor();
    return rows.allInnerTexts();
  }

  /** Waits for a notification toast that contains `text`; resolves with its text. */
  async function waitForNotification(text) {
    const toast = page.locator('.notification-toast', { hasText: text }).first();
    await toast.waitFor({ state: 'visible' });
    return toast.innerText();
  }

  /**
   * Waits for a status bar item that contains `text`. An extension's own status bar item is a
   * sign that it has activated: wait for such a sign before a hover, which is asked for once.
   */
  async function waitForStatusBarItem(text) {
    const item = page.locator('.statusbar-item', { hasText: text }).first();
    await item.waitFor({ state: 'visible' });
    return item.innerText();
  }

  /** The inline texts the active editor draws after lines (decorations render as ::after content). */
  async function inlineTexts() {
    await activeEditor.locator('.view-line').first().waitFor();
    return page.evaluate(afterContents, ACTIVE_LINES);
  }

  /** Waits until the active editor draws an inline text containing `needle` (or, with `shown` false, none). */
  async function waitForInline(needle, shown = true) {
    await page.waitForFunction(inlineShown, { selector: ACTIVE_LINES, needle, shown });
  }

  /**
   * Opens the quick fixes at the cursor (Ctrl+.) and resolves with the row labelled `label`. The
   * workbench asks the providers when the keys are pressed; under load the answer can come after
   * the menu decided there was nothing, so the menu is asked again (at most four times) until the
   * row shows. Each try waits for the row, not for a time.
   */
  async function quickFix(label) {
    const row = page.locator('.action-widget .monaco-list-row', { hasText: label }).first();
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+Period');
      try {
        await row.waitFor({ state: 'visible', timeout: 5_000 });
        return row;
      } catch (error) {
        if (attempt >= 4) throw error;
        await page.keyboard.press('Escape');
      }
    }
  }

  /** The chart page inside the webview's two iframes. */
  function chartFrame() {
    return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /** Waits until the chart page says it drew `view` in `theme` (it sets body[data-rendered] after drawing). */
  async function waitForChart(view, theme) {
    await chartFrame().locator(`body[data-rendered="${view} ${theme}"]`).waitFor({ state: 'attached' });
  }

  /** Ctrl+K Ctrl+T opens the colour theme picker; typing filters it, Enter applies the focused theme. */
  async function pickTheme(label) {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    await quickInput.waitFor({ state: 'visible' });
    await page.keyboard.type(label);
    await quickInput.locator('.monaco-list-row.focused', { hasText: label }).waitFor();
    await page.keyboard.press('Enter');
  }

  /**
   * Sets the colour theme in the workspace's settings (`workbench.colorTheme` in
   * .vscode/settings.json, a file the workbench watches) and waits until the workbench wears it.
   * For specs about something shown in a theme, not about the picker: the picker closes when focus
   * moves away, and the Welcome page focuses its selected step a moment after it opens one.
   * @param {string} theme a theme's label, e.g. "Default Light Modern"
   * @param {'vs' | 'vs-dark' | 'hc-black' | 'hc-light'} kind the workbench class of that theme
   */
  async function setTheme(theme, kind) {
    if (!folder) throw new Error('setTheme needs the workspace folder (run-e2e.js passes it)');
    const file = path.join(folder, '.vscode', 'settings.json');
    const settings = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ ...settings, 'workbench.colorTheme': theme }, null, 2));
    await page.locator(`.monaco-workbench.${kind}`).waitFor({ state: 'attached' });
  }

  /**
   * Resolves when a workspace file's text on disk matches `pattern` (a save landed), waking on the
   * folder's change events; rejects after 30 s. For specs that must know a save reached the disk:
   * the tab's dirty mark is not a reliable sign in code-server.
   * @param {string} relPath a path inside the workspace
   * @param {RegExp} pattern
   */
  async function waitForFileOnDisk(relPath, pattern) {
    if (!folder) throw new Error('waitForFileOnDisk needs the workspace folder (run-e2e.js passes it)');
    const file = path.join(folder, relPath);
    const matches = () => {
      try {
        return pattern.test(fs.readFileSync(file, 'utf8'));
      } catch {
        return false;
      }
    };
    if (matches()) return;
    await new Promise((resolve, reject) => {
      const watcher = fs.watch(path.dirname(file), () => {
        if (!matches()) return;
        watcher.close();
        clearTimeout(limit);
        resolve();
      });
      const limit = setTimeout(() => {
        watcher.close();
        reject(new Error(`${relPath} on disk never matched ${pattern}`));
      }, 30_000);
    });
  }

  return {
    openQuickInput,
    pick,
    waitForFileOnDisk,
    setTheme,
    openFile,
    goToLine,
    runCommand,
    screenshot,
    editorText,
    hoverAt,
    openProblems,
    waitForNotification,
    waitForStatusBarItem,
    inlineTexts,
    waitForInline,
    quickFix,
    chartFrame,
    waitForChart,
    pickTheme,
  };
}

// The text editor of the main editor area's active group. VS Code 1.139 opens Settings as a modal
// editor part whose group is also `.active`, with a Monaco search box of its own: every helper
// that reads "the active editor" leaves it out.
const ACTIVE_EDITOR = '.part.editor:not(.modal-editor-part) .editor-group-container.active .monaco-editor';
const ACTIVE_LINES = `${ACTIVE_EDITOR} .view-lines`;

/**
 * Runs in the page: the `::after` texts drawn inside the element `selector` names.
 * @param {string} selector
 */
function afterContents(selector) {
  const lines = document.querySelector(selector);
  if (!lines) return [];
  const texts = [];
  for (const element of lines.querySelectorAll('span')) {
    const content = getComputedStyle(element, '::after').content;
    if (content && content !== 'none' && content !== 'normal') texts.push(JSON.parse(content));
  }
  return texts;
}

/**
 * Runs in the page: whether the editor lines draw (`shown`) or do not draw an inline text with
 * `needle`. False while there are no editor lines, so a missing editor never passes.
 * @param {{ selector: string, needle: string, shown: boolean }} args
 */
function inlineShown({ selector, needle, shown }) {
  const lines = document.querySelector(selector);
  if (!lines || !lines.querySelector('.view-line')) return false;
  const found = [...lines.querySelectorAll('span')].some((element) => (getComputedStyle(element, '::after').content || '').includes(needle));
  return found === shown;
}

/**
 * Runs in the page: the viewport centre of `needle` inside an editor's `.view-line`s, or null.
 * A line is split into token spans; a DOM Range over the text nodes finds the exact spot.
 * @param {Element} editor
 * @param {string} needle
 */
function centreOfText(editor, needle) {
  for (const line of editor.querySelectorAll('.view-line')) {
    const index = (line.textContent || '').replace(/\u00a0/g, ' ').indexOf(needle);
    if (index < 0) continue;
    const range = document.createRange();
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let offset = 0;
    let started = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = (node.textContent || '').length;
      if (!started && index < offset + length) {
        range.setStart(node, index - offset);
        started = true;
      }
      if (started && index + needle.length <= offset + length) {
        range.setEnd(node, index + needle.length - offset);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      offset += length;
    }
  }
  return null;
}

module.exports = { createHelpers };
