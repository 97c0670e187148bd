// Public surface of the SVG byte map: `ue-lint layout --format svg` and the playground use it.
export { byteMapSvg, byteMapsSvg, byteMapTree, type ByteMapOptions } from './byte-map.js';
export { defaultBytesPerRow, planByteMap, type Plan, type PlannedBox, type PlannedRow } from './plan.js';
export { BYTE_MAP_CSS } from './style.js';
export { serialize, toDom, visibleText, type DomDocumentLike, type DomElementLike, type SvgElement, type SvgNode } from './xml.js';
