/**
 * Colours from the editor's theme: VS Code sets --vscode-* CSS variables on the webview's
 * <html> and a body class (vscode-light, vscode-dark, vscode-high-contrast,
 * vscode-high-contrast-light). The charts palette (--vscode-charts-*) is the one VS Code's own
 * charts use, so it reads well on every theme.
 */
export interface Palette {
  readonly theme: string;
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
  readonly red: string;
  readonly blue: string;
  readonly yellow: string;
  readonly orange: string;
  readonly green: string;
  readonly purple: string;
  readonly fontFamily: string;
  readonly highContrast: boolean;
}

function cssVariable(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const value = style.getPropertyValue(name).trim();
  return value || fallback;
}

export function themeClass(body: HTMLElement): string {
  for (const name of ['vscode-high-contrast-light', 'vscode-high-contrast', 'vscode-dark', 'vscode-light']) {
    if (body.classList.contains(name)) return name;
  }
  return 'vscode-dark';
}

export function readPalette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const theme = themeClass(document.body);
  const light = theme === 'vscode-light' || theme === 'vscode-high-contrast-light';
  const highContrast = theme.startsWith('vscode-high-contrast');
  const foreground = cssVariable(style, '--vscode-editor-foreground', light ? '#333333' : '#cccccc');
  return {
    theme,
    highContrast,
    foreground,
    muted: cssVariable(style, '--vscode-descriptionForeground', foreground),
    grid: highContrast
      ? cssVariable(style, '--vscode-contrastBorder', foreground)
      : cssVariable(style, '--vscode-editorWidget-border', light ? '#c8c8c8' : '#454545'),
    background: cssVariable(style, '--vscode-editor-background', light ? '#ffffff' : '#1e1e1e'),
    red: cssVariable(style, '--vscode-charts-red', '#f14c4c'),
    blue: cssVariable(style, '--vscode-charts-blue', '#3794ff'),
    yellow: cssVariable(style, '--vscode-charts-yellow', '#cca700'),
    orange: cssVariable(style, '--vscode-charts-orange', '#d18616'),
    green: cssVariable(style, '--vscode-charts-green', '#89d185'),
    purple: cssVariable(style, '--vscode-charts-purple', '#b180d7'),
    fontFamily: cssVariable(style, '--vscode-font-family', 'sans-serif'),
  };
}

/** The colour with an alpha, for fills and faint lines; works for #rgb, #rrggbb and rgb(a). */
export function withAlpha(colour: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})([0-9a-f]{2})?$/i.exec(colour.trim());
  if (hex) {
    const digits =
      hex[1].length === 3
        ? hex[1]
            .split('')
            .map((c) => c + c)
            .join('')
        : hex[1];
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  const rgb = /^rgba?\(([^,]+),([^,]+),([^,)]+)/i.exec(colour.trim());
  return rgb ? `rgba(${rgb[1].trim()}, ${rgb[2].trim()}, ${rgb[3].trim()}, ${alpha})` : colour;
}
