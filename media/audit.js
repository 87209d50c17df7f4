// @ts-check
// The audit report view. Builds every element with textContent: report data (paths, messages, image
// names from Dockerfiles) is never parsed as HTML. Loaded by nonce under the view's CSP.
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  /** @type {any} */
  let report = null;
  const saved = vscode.getState() || {};
  let sortKey = typeof saved.sortKey === 'string' ? saved.sortKey : 'grade';
  let sortDescending = saved.sortDescending !== false;
  /** @type {HTMLInputElement} */ const filter = /** @type {any} */ (document.getElementById('filter'));
  /** @type {HTMLSelectElement} */ const severity = /** @type {any} */ (document.getElementById('severity'));
  filter.value = typeof saved.filter === 'string' ? saved.filter : '';
  severity.value = typeof saved.severity === 'string' ? saved.severity : '';

  function saveState() {
    vscode.setState({ sortKey, sortDescending, filter: filter.value, severity: severity.value });
  }

  /** @param {string} tag @param {string} [text] @param {string} [className] */
  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /** @param {number} count @param {string} word */
  function plural(count, word) {
    return count + ' ' + word + (count === 1 || word === 'info' ? '' : 's');
  }

  /** @param {number | null} bytes */
  function size(bytes) {
    if (bytes === null || bytes === undefined) return '—';
    if (bytes < 1000000) return Math.max(1, Math.round(bytes / 1000)) + ' kB';
    const mb = bytes / 1000000;
    return (mb < 10 ? mb.toFixed(1) : String(Math.round(mb))) + ' MB';
  }

  /** @param {string} uri @param {any} [range] */
  function open(uri, range) {
    vscode.postMessage({ type: 'open', uri, line: range ? range.start.line : 0, character: range ? range.start.character : 0 });
  }

  /** @param {HTMLElement} row @param {() => void} action */
  function activatable(row, action) {
    row.tabIndex = 0;
    row.addEventListener('click', action);
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        action();
      }
    });
  }

  /** @param {any} file */
  function sortValue(file) {
    switch (sortKey) {
      case 'error':
      case 'warning':
      case 'info':
        return file.counts[sortKey];
      case 'baseImageBytes':
      case 'savingsBytes':
        return file[sortKey] === null ? -1 : file[sortKey];
      case 'grade':
        // F first when descending.
        return file.grade;
      default:
        return String(file[sortKey] || '').toLowerCase();
    }
  }

  function render() {
    if (!report) return;
    const totals = report.totals;
    const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
    summary.textContent =
      plural(totals.files, 'Dockerfile') + ' · ' + plural(totals.error, 'error') + ' · ' + plural(totals.warning, 'warning') + ' · ' + plural(totals.info, 'info') + ' · ' + totals.safelyFixable + ' with a safe fix' +
      (totals.savingsBytes > 0 ? ' · potential savings ' + size(totals.savingsBytes) : '') +
      (totals.skipped ? ' · ' + totals.skipped + ' not audited' : '');

    const severities = /** @type {HTMLElement} */ (document.getElementById('severities'));
    severities.replaceChildren(
      ...['error', 'warning', 'info'].map((name) => el('li', plural(totals[name], name), 'chip ' + name)),
      ...['A', 'B', 'C', 'D', 'F'].map((grade) => el('li', grade + ': ' + plural(report.grades[grade], 'file'), 'chip grade grade-' + grade)),
    );

    const ruleBody = /** @type {HTMLElement} */ (document.querySelector('#rules tbody'));
    ruleBody.replaceChildren(
      ...report.rules.map((/** @type {any} */ rule) => {
        const row = el('tr');
        const name = el('td');
        name.append(el('code', rule.rule));
        row.append(name, el('td', rule.severity, 'severity ' + rule.severity), el('td', String(rule.count), 'num'), el('td', String(rule.files), 'num'));
        activatable(row, () => {
          filter.value = rule.rule;
          saveState();
          render();
        });
        row.title = 'Show the files with ' + rule.rule;
        return row;
      }),
    );

    const needle = filter.value.trim().toLowerCase();
    const wanted = severity.value;
    /** @param {any} finding */
    const findingShown = (finding) => (!wanted || finding.severity === wanted) && (!needle || finding.rule.toLowerCase().includes(needle) || finding.message.toLowerCase().includes(needle));
    const files = report.files
      .map((/** @type {any} */ file) => {
        const fileMatches = !needle || file.path.toLowerCase().includes(needle) || String(file.baseImage || '').toLowerCase().includes(needle);
        const findings = file.findings.filter((/** @type {any} */ finding) => (fileMatches ? !wanted || finding.severity === wanted : findingShown(finding)));
        return { file, findings, shown: fileMatches ? !wanted || findings.length > 0 : findings.length > 0 };
      })
      .filter((/** @type {any} */ entry) => entry.shown);
    files.sort((/** @type {any} */ a, /** @type {any} */ b) => {
      const x = sortValue(a.file);
      const y = sortValue(b.file);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return sortDescending ? -order : order;
    });

    const body = /** @type {HTMLElement} */ (document.querySelector('#files tbody'));
    const rows = [];
    for (const entry of files) {
      const file = entry.file;
      const row = el('tr', undefined, 'file');
      row.append(
        el('td', file.grade, 'grade grade-' + file.grade),
        el('td', file.path, 'path'),
        el('td', String(file.counts.error), 'num'),
        el('td', String(file.counts.warning), 'num'),
        el('td', String(file.counts.info), 'num'),
        el('td', file.baseImage || '—'),
        el('td', size(file.baseImageBytes), 'num'),
        el('td', file.savingsBytes ? size(file.savingsBytes) : '—', 'num'),
      );
      const at = file.findings[0] ? file.findings[0].range : file.baseImageLine !== null ? { start: { line: file.baseImageLine, character: 0 } } : undefined;
      activatable(row, () => open(file.uri, at));
      row.title = 'Open ' + file.path;
      rows.push(row);
      for (const finding of entry.findings) {
        const detail = el('tr', undefined, 'finding');
        const cell = el('td');
        cell.colSpan = 7;
        cell.append(el('span', finding.severity, 'severity ' + finding.severity), el('code', finding.rule), el('span', 'line ' + (finding.range.start.line + 1), 'line'), el('span', finding.message, 'message'));
        detail.append(el('td'), cell);
        activatable(detail, () => open(file.uri, finding.range));
        detail.title = 'Open ' + file.path + ' at line ' + (finding.range.start.line + 1);
        rows.push(detail);
      }
    }
    if (rows.length === 0) {
      const empty = el('tr');
      const cell = el('td', report.files.length === 0 ? 'No Dockerfiles were audited.' : 'No file matches the filter.');
      cell.colSpan = 8;
      empty.append(cell);
      rows.push(empty);
    }
    body.replaceChildren(...rows);
    for (const button of document.querySelectorAll('[data-sort]')) {
      const key = button.getAttribute('data-sort');
      button.setAttribute('aria-sort', key === sortKey ? (sortDescending ? 'descending' : 'ascending') : 'none');
    }

    const skippedSection = /** @type {HTMLElement} */ (document.getElementById('skipped-section'));
    skippedSection.hidden = report.skipped.length === 0;
    /** @type {HTMLElement} */ (document.getElementById('skipped')).replaceChildren(...report.skipped.map((/** @type {any} */ entry) => el('li', entry.path + ': ' + entry.reason)));
  }

  for (const button of document.querySelectorAll('[data-sort]')) {
    button.addEventListener('click', () => {
      const key = button.getAttribute('data-sort') || 'grade';
      sortDescending = key === sortKey ? !sortDescending : key !== 'path' && key !== 'baseImage';
      sortKey = key;
      saveState();
      render();
    });
  }
  for (const button of document.querySelectorAll('[data-export]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: 'export', format: button.getAttribute('data-export') }));
  }
  filter.addEventListener('input', () => {
    saveState();
    render();
  });
  severity.addEventListener('change', () => {
    saveState();
    render();
  });
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'report' && message.report && Array.isArray(message.report.files)) {
      report = message.report;
      render();
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
