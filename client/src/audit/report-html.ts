/**
 * The report view's HTML shell. It carries no report data: the script (a separate file, allowed by a
 * nonce) receives the report by message and builds the DOM with `textContent` only, so nothing from a
 * Dockerfile is ever parsed as HTML. The policy allows our script and stylesheet and nothing else.
 */
export interface ReportHtmlOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `img-src ${cspSource}`, `style-src ${cspSource}`, `font-src ${cspSource}`, `script-src 'nonce-${nonce}'`, `form-action 'none'`, `base-uri 'none'`, `frame-src 'none'`].join('; ');
}

export function reportHtml(options: ReportHtmlOptions): string {
  const csp = escapeHtml(contentSecurityPolicy(options.cspSource, options.nonce));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>Bulkhead audit</title>
</head>
<body>
<header>
  <h1>Bulkhead audit</h1>
  <p id="summary" role="status">Waiting for the audit…</p>
  <div class="actions">
    <button type="button" data-export="sarif">Export SARIF</button>
    <button type="button" data-export="json">Export JSON</button>
    <button type="button" data-export="markdown">Export Markdown</button>
  </div>
</header>
<section aria-labelledby="severity-heading">
  <h2 id="severity-heading">By severity and grade</h2>
  <ul id="severities" class="chips"></ul>
</section>
<section aria-labelledby="rules-heading">
  <h2 id="rules-heading">By rule</h2>
  <table id="rules"><thead><tr><th>Rule</th><th>Severity</th><th class="num">Findings</th><th class="num">Files</th></tr></thead><tbody></tbody></table>
</section>
<section aria-labelledby="files-heading">
  <h2 id="files-heading">Files</h2>
  <div class="filters">
    <label>Filter <input id="filter" type="search" placeholder="path, rule or image"></label>
    <label>Severity <select id="severity"><option value="">all</option><option value="error">errors</option><option value="warning">warnings</option><option value="info">info</option></select></label>
  </div>
  <table id="files">
    <thead><tr>
      <th><button type="button" data-sort="grade">Grade</button></th>
      <th><button type="button" data-sort="path">File</button></th>
      <th class="num"><button type="button" data-sort="error">Errors</button></th>
      <th class="num"><button type="button" data-sort="warning">Warnings</button></th>
      <th class="num"><button type="button" data-sort="info">Info</button></th>
      <th><button type="button" data-sort="baseImage">Base image</button></th>
      <th class="num"><button type="button" data-sort="baseImageBytes">Size</button></th>
      <th class="num"><button type="button" data-sort="savingsBytes" title="Compressed bytes saved by the most compatible smaller base image (slim, then JRE, Alpine, distroless)">Potential savings</button></th>
    </tr></thead>
    <tbody></tbody>
  </table>
</section>
<section id="skipped-section" hidden aria-labelledby="skipped-heading">
  <h2 id="skipped-heading">Not audited</h2>
  <ul id="skipped"></ul>
</section>
<script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => `&#${char.charCodeAt(0)};`);
}
