// The byte map's stylesheet: one constant, no user text, scoped under `.uebm` because an SVG
// inlined in an HTML page shares the page's styles. Light by default; dark when the viewer
// prefers it. Signed and unsigned differ in hue *and* in the ± / + badge, so colour is never
// the only cue; dynamic fields are dashed; the common header is grey.

export const BYTE_MAP_CSS = `
.uebm{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;font-size:10.5px}
.uebm .bg{fill:#ffffff}
.uebm text{fill:#1f2328;white-space:pre}
.uebm .muted{fill:#57606a}
.uebm .h1{font-size:15px;font-weight:700}
.uebm .nm{font-size:12px;font-weight:700}
.uebm .box{stroke-width:1.5}
.uebm .sg .box{fill:#fde8d3;stroke:#9a4206}
.uebm .un .box{fill:#dbeafe;stroke:#1d4ed8}
.uebm .hdr .box{fill:#eaeef2;stroke:#6e7781}
.uebm .dyn .box{stroke-dasharray:5 3}
.uebm .badge{stroke-width:1}
.uebm .sg .badge{fill:#9a4206;stroke:#9a4206}
.uebm .un .badge{fill:#ffffff;stroke:#1d4ed8}
.uebm .sg .bt{fill:#ffffff;font-weight:700}
.uebm .un .bt{fill:#1d4ed8;font-weight:700}
.uebm .tick{stroke:#1f2328;stroke-opacity:.35;stroke-width:1}
.uebm .wi{fill:#f6f8fa;stroke:#6e7781;stroke-dasharray:2 2}
.uebm .rest{fill:none;stroke:#8c959f;stroke-dasharray:2 3}
.uebm .arrow{fill:none;stroke:#6f42c1;stroke-width:1.5}
.uebm .arrow.rel{stroke-dasharray:6 3}
.uebm .head{fill:#6f42c1}
.uebm .flow{fill:none;stroke:#57606a;stroke-width:1.2}
.uebm .flowhead{fill:#57606a}
.uebm .ddata{fill:#f5f0ff;stroke:#6f42c1;stroke-width:1.5;stroke-dasharray:5 3}
.uebm .warn{fill:#9a6700}
@media (prefers-color-scheme:dark){
.uebm .bg{fill:#0d1117}
.uebm text{fill:#e6edf3}
.uebm .muted{fill:#9198a1}
.uebm .sg .box{fill:#3b2312;stroke:#f0883e}
.uebm .un .box{fill:#132a4a;stroke:#58a6ff}
.uebm .hdr .box{fill:#21262d;stroke:#8b949e}
.uebm .sg .badge{fill:#f0883e;stroke:#f0883e}
.uebm .un .badge{fill:#0d1117;stroke:#58a6ff}
.uebm .sg .bt{fill:#0d1117}
.uebm .un .bt{fill:#58a6ff}
.uebm .tick{stroke:#e6edf3}
.uebm .wi{fill:#161b22;stroke:#8b949e}
.uebm .rest{stroke:#6e7681}
.uebm .arrow{stroke:#bc8cff}
.uebm .head{fill:#bc8cff}
.uebm .flow{stroke:#9198a1}
.uebm .flowhead{fill:#9198a1}
.uebm .ddata{fill:#1f1633;stroke:#bc8cff}
.uebm .warn{fill:#d29922}
}
`.trim();
