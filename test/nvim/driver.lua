-- Drives the built RFC language server from a headless Neovim (0.7 or newer) the way a
-- Neovim user's configuration would, and writes what Neovim saw as JSON for
-- test/nvim/neovim.test.ts to assert. Records, never judges: every check lives in the test.
--
-- Run by the test as `nvim --clean --headless -u NONE -i NONE -n -c "lua dofile(...)"` with:
--   RFC_NODE, RFC_SERVER   the node binary and dist/server.js (started with --stdio)
--   RFC_ROOT, RFC_DOC      the workspace folder and the RFC to open in it
--   RFC_RESULT             where to write the JSON
--   RFC_ADVERTISE_PULL     "1": advertise workspace.configuration, as newer Neovim does (0.7
--                          does not), so the server asks and Neovim answers from the empty
--                          config.settings: the pushed settings must still win
--   RFC_WAIT_MS            the bound of each wait
-- Every wait is a bounded vim.wait on a condition; a wait that runs out is recorded as a
-- timeout and the run goes on to write what it has.

local env = vim.env
local wait_ms = tonumber(env.RFC_WAIT_MS) or 20000
local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, timeouts = {} }

local function write_result()
  local file = assert(io.open(env.RFC_RESULT, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

local function wait_for(what, condition)
  local ok = vim.wait(wait_ms, condition, 20)
  if not ok then table.insert(result.timeouts, what) end
  return ok
end

-- Every publishDiagnostics for the document, in arrival order (Neovim's own handler still
-- runs, so vim.diagnostic sees them too).
local publishes = {}
-- Every workspace/configuration request the server sent, with Neovim's own answer.
local configuration = {}

local function code_counts(diagnostics)
  local counts = vim.empty_dict()
  for _, d in ipairs(diagnostics) do
    local code = tostring(d.code)
    counts[code] = (counts[code] or 0) + 1
  end
  return counts
end

local function sources(diagnostics)
  local seen, list = {}, {}
  for _, d in ipairs(diagnostics) do
    local source = tostring(d.source)
    if not seen[source] then
      seen[source] = true
      table.insert(list, source)
    end
  end
  table.sort(list)
  return list
end

local function run()
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  if env.RFC_ADVERTISE_PULL == '1' then capabilities.workspace.configuration = true end
  result.advertisedConfiguration = capabilities.workspace.configuration == true

  local client_id = vim.lsp.start_client({
    name = 'rfc',
    cmd = { env.RFC_NODE, env.RFC_SERVER, '--stdio' },
    root_dir = env.RFC_ROOT,
    capabilities = capabilities,
    -- Empty on purpose: the settings below are pushed, never answered from here.
    settings = {},
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        table.insert(publishes, params)
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, params, ctx, config)
      end,
      ['workspace/configuration'] = function(err, params, ctx, config)
        local answer = vim.lsp.handlers['workspace/configuration'](err, params, ctx, config)
        table.insert(configuration, { items = params.items, answer = answer })
        return answer
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  local client = vim.lsp.get_client_by_id(client_id)

  vim.cmd('edit ' .. vim.fn.fnameescape(env.RFC_DOC))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  local uri = vim.uri_from_bufnr(bufnr)
  result.uri = uri

  -- 1. Diagnostics on the untouched template.
  if not wait_for('first diagnostics', function() return #publishes > 0 end) then return end
  local first = publishes[#publishes].diagnostics
  result.first = { codes = code_counts(first), sources = sources(first), inVimDiagnostic = #vim.diagnostic.get(bufnr) }

  -- 2. Code actions at the Status line's placeholder; apply the one the test names
  -- (RFC_ACTION), as `vim.lsp.buf.code_action` applies a chosen action's edit.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local summary
  for i, line in ipairs(lines) do
    if line:find('^%*%*Status%*%*:') then summary = i break end
  end
  local line0 = summary - 1
  local at = {}
  for _, d in ipairs(first) do
    if d.code == 'placeholder' and d.range.start.line == line0 then table.insert(at, d) end
  end
  result.codeAction = { line = line0, diagnosticsAtLine = #at, before = lines[summary] }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = at[1] and at[1].range or { start = { line = line0, character = 0 }, ['end'] = { line = line0, character = 0 } },
    context = { diagnostics = at },
  }, wait_ms)
  local actions = (responses and responses[client_id] and responses[client_id].result) or {}
  result.codeAction.titles = {}
  for _, action in ipairs(actions) do table.insert(result.codeAction.titles, action.title) end
  local chosen = actions[1]
  for _, action in ipairs(actions) do
    if action.title == env.RFC_ACTION then chosen = action end
  end
  if chosen and chosen.edit then
    result.codeAction.applied = chosen.title
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    local after_lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
    result.codeAction.after = { after_lines[summary - 1], after_lines[summary], after_lines[summary + 1] }
    result.codeAction.lineCount = { before = #lines, after = #after_lines }
  end
  -- The edit reaches the server as didChange; wait for its analysis of the new version.
  local edited_version = vim.lsp.util.buf_versions[bufnr]
  if wait_for('diagnostics after the code action', function() return publishes[#publishes].version == edited_version end) then
    result.codeAction.codesAfter = code_counts(publishes[#publishes].diagnostics)
  end

  -- 3. Completion at the Status value.
  lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    if line:find('^%*%*Status%*%*: ') then
      local character = #'**Status**: '
      result.completion = { line = i - 1, character = character, text = line }
      local replies = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
        textDocument = { uri = uri },
        position = { line = i - 1, character = character },
      }, wait_ms)
      local reply = replies and replies[client_id] and replies[client_id].result or {}
      local items = reply.items or reply
      result.completion.labels = {}
      for _, item in ipairs(items) do table.insert(result.completion.labels, item.label) end
      break
    end
  end

  -- 4. Settings pushed, as a plugin or `:lua` would: the notification alone, config.settings
  -- left empty, so only the push path can carry them. First every placeholder an error,
  -- then placeholders off. Each wait is for the publish that obeys (a stray publish under
  -- the old settings may come first); when the push is ignored it runs out, recorded.
  local function push(name, rules, obeyed)
    local before = #publishes
    client.notify('workspace/didChangeConfiguration', { settings = { rfc = { rules = rules } } })
    local function arrived()
      for i = before + 1, #publishes do
        if obeyed(publishes[i].diagnostics) then return publishes[i].diagnostics end
      end
    end
    if wait_for('diagnostics obeying the push ' .. name, function() return arrived() ~= nil end) then
      local diagnostics = arrived()
      local severities = vim.empty_dict()
      for _, d in ipairs(diagnostics) do
        local key = tostring(d.code) .. ':' .. tostring(d.severity)
        severities[key] = (severities[key] or 0) + 1
      end
      result.pushes[name] = { codes = code_counts(diagnostics), severities = severities, inVimDiagnostic = #vim.diagnostic.get(bufnr) }
    end
  end
  result.pushes = vim.empty_dict()
  result.configurationBeforePush = #configuration
  push('placeholder=error', { placeholder = 'error' }, function(diagnostics)
    return #diagnostics > 0 and vim.tbl_count(vim.tbl_filter(function(d) return d.severity ~= 1 end, diagnostics)) == 0
  end)
  push('placeholder=off', { placeholder = 'off' }, function(diagnostics)
    return code_counts(diagnostics).placeholder == nil
  end)
  result.configuration = configuration

  vim.lsp.stop_client(client_id)
  wait_for('server stopped', function() return client.is_stopped() end)
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
write_result()
vim.cmd('qall!')
