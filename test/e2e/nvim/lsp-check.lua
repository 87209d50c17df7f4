-- Headless Neovim 0.7 as a real LSP client of the Bulkhead language server (driven by ../lib/neovim.mjs):
--   OUT_FILE=out.json LSP_CMD='node dist/server/server.js --stdio' TARGET_RULE=ssh-port-exposed \
--     nvim --headless -u lsp-check.lua path/to/Dockerfile
-- Records what the editor saw (raw and converted diagnostics, code action titles, buffer text), applies
-- the target rule's preferred quick fix and then source.fixAll.bulkhead with Neovim's own workspace-edit
-- code, and writes it all to OUT_FILE. The assertions are in neovim.mjs. 0.7 has no vim.lsp.start:
-- start_client + buf_attach_client (didOpen is sent once the server is initialized).
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

local out_file = assert(os.getenv('OUT_FILE'), 'OUT_FILE is required')
local cmd = vim.split(assert(os.getenv('LSP_CMD'), 'LSP_CMD is required'), ' ', { trimempty = true })
local target_rule = assert(os.getenv('TARGET_RULE'), 'TARGET_RULE is required')
local WAIT_MS = 15000

-- Keep the server's raw publishDiagnostics payloads as well as Neovim's converted form.
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  table.insert(published, result)
  return default_publish(err, result, ctx, config)
end

local function latest(uri)
  for i = #published, 1, -1 do
    if published[i].uri == uri then return published[i] end
  end
  return nil
end

local function has_rule(diagnostics, rule)
  for _, d in ipairs(diagnostics) do
    if d.code == rule then return d end
  end
  return nil
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n')
end

local function code_actions(bufnr, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, WAIT_MS)
  assert(responses, 'codeAction request failed: ' .. tostring(err))
  local actions = {}
  for _, response in pairs(responses) do
    assert(not response.err, 'codeAction error: ' .. vim.inspect(response.err))
    for _, action in ipairs(response.result or {}) do table.insert(actions, action) end
  end
  return actions
end

local function main()
  local report = {}
  local bufnr = vim.api.nvim_get_current_buf()
  local fname = vim.api.nvim_buf_get_name(bufnr)
  assert(fname ~= '', 'no file given on the command line')
  local uri = vim.uri_from_bufnr(bufnr)
  report.text_before = buffer_text(bufnr)

  local client_id = assert(vim.lsp.start_client({ name = 'bulkhead', cmd = cmd, root_dir = vim.fn.fnamemodify(fname, ':p:h') }), 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  assert(vim.wait(WAIT_MS, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end, 5), 'the server did not initialize')
  local client = vim.lsp.get_client_by_id(client_id)
  report.server_capabilities = client.server_capabilities

  assert(vim.wait(WAIT_MS, function() return latest(uri) ~= nil end, 5), 'no publishDiagnostics for ' .. uri)
  report.raw_diagnostics = latest(uri).diagnostics
  report.diagnostics = vim.diagnostic.get(bufnr)

  -- The quick fixes for the target finding, requested as Neovim's own code-action UI does.
  local target = assert(has_rule(report.raw_diagnostics, target_rule), 'no ' .. target_rule .. ' diagnostic')
  local actions = code_actions(bufnr, { textDocument = { uri = uri }, range = target.range, context = { diagnostics = { target } } })
  report.code_action_titles = vim.tbl_map(function(a) return a.title end, actions)
  local fixes = vim.tbl_filter(function(a) return a.kind == 'quickfix' and a.edit ~= nil end, actions)
  local chosen = vim.tbl_filter(function(a) return a.isPreferred end, fixes)[1] or fixes[1]
  assert(chosen, 'no quickfix with an edit for ' .. target_rule)
  report.applied_title = chosen.title
  local published_before = #published
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  report.text_after_quick_fix = buffer_text(bufnr)
  -- The edit triggers didChange; the server answers with diagnostics for the new version.
  assert(vim.wait(WAIT_MS, function() return #published > published_before and latest(uri).version == vim.lsp.util.buf_versions[bufnr] end, 5), 'no diagnostics after the quick fix')
  report.diagnostics_after_quick_fix = latest(uri).diagnostics

  -- source.fixAll.bulkhead over the whole buffer.
  local whole = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(bufnr), character = 0 } }
  local fix_all = code_actions(bufnr, { textDocument = { uri = uri }, range = whole, context = { diagnostics = {}, only = { 'source.fixAll.bulkhead' } } })
  report.fix_all_kinds = vim.tbl_map(function(a) return a.kind end, fix_all)
  assert(#fix_all == 1 and fix_all[1].edit, 'expected one source.fixAll.bulkhead action with an edit')
  published_before = #published
  vim.lsp.util.apply_workspace_edit(fix_all[1].edit, client.offset_encoding)
  report.text_after_fix_all = buffer_text(bufnr)
  assert(vim.wait(WAIT_MS, function() return #published > published_before and latest(uri).version == vim.lsp.util.buf_versions[bufnr] end, 5), 'no diagnostics after fix-all')
  report.diagnostics_after_fix_all = latest(uri).diagnostics

  vim.lsp.stop_client(client_id) -- shutdown + exit
  report.stopped = vim.wait(WAIT_MS, function() return vim.lsp.get_client_by_id(client_id) == nil end, 5)
  return report
end

local function write(obj)
  local f = assert(io.open(out_file, 'w'))
  f:write(vim.json.encode(obj))
  f:close()
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, result = pcall(main)
    if ok then
      write(result)
      vim.cmd('qall!')
    else
      write({ error = tostring(result) })
      vim.cmd('cquit 1')
    end
  end,
})
