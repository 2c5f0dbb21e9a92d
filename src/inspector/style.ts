/** The inspector's look: readable in light and dark (the page's `color-scheme`, else the
 * system's), each owner status named in text as well as coloured. */
export const STYLE = `
:host{display:block;color-scheme:light dark;font:13px/1.4 system-ui,sans-serif;color:CanvasText;background:Canvas;border:1px solid GrayText;border-radius:6px;padding:8px 12px;max-height:80vh;overflow:auto}
:host([hidden]){display:none}
h2{font-size:15px;margin:0 0 4px}h3{font-size:14px;margin:12px 0 4px}h4{font-size:13px;margin:8px 0 2px;font-weight:600}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:2px 6px;border-bottom:1px solid color-mix(in srgb,GrayText 40%,transparent);vertical-align:top}
code{font:12px ui-monospace,monospace;word-break:break-all}
ul,ol{margin:0;padding-left:18px}li{margin:2px 0}
.param{border-left:4px solid;padding-left:6px;list-style:none;margin-left:-18px}
.own{border-color:#2f6fde}.shared{border-color:#0f9d8a}.kept{border-color:#2e8b3a}.foreign{border-color:#8a8a8a}.purged{border-color:#d0342c}
.purged code{text-decoration:line-through}
button{font:inherit;padding:1px 8px;cursor:pointer}
button:focus-visible{outline:2px solid #2f6fde;outline-offset:1px}
`;
