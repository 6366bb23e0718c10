// svgcanvas ships no types: the part the chart's SVG export uses.
declare module 'svgcanvas' {
  export class Context {
    constructor(options: { width: number; height: number; document?: Document });
    getSerializedSvg(fixNamedEntities?: boolean): string;
  }
  /** A canvas-like element whose 2D context draws SVG: Chart.js can render onto it. */
  export class Element {
    constructor(options?: { width?: number; height?: number });
    width: number;
    height: number;
    readonly ctx: Context;
    readonly svg: SVGSVGElement;
    getContext(type: '2d'): Context;
  }
}
