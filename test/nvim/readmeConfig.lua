-- Checks README's Neovim 0.7 configuration as a user has it: Neovim has loaded it as its
-- init.lua (test/nvim/neovim.test.ts copies it there, with `rfc-language-server` on PATH);
-- this opens the RFC in RFC_DOC, so the configuration's FileType autocommand starts the
-- server, waits (bounded) until the diagnostics carry the configured severity, and
-- writes what vim.diagnostic holds to RFC_RESULT as JSON.
local result = { timeouts = {} }
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.RFC_DOC))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  local wait_ms = tonumber(vim.env.RFC_WAIT_MS) or 20000
  local function all_errors()
    local diagnostics = vim.diagnostic.get(bufnr)
    if #diagnostics == 0 then return false end
    for _, d in ipairs(diagnostics) do
      if d.severity ~= vim.diagnostic.severity.ERROR then return false end
    end
    return true
  end
  if not vim.wait(wait_ms, all_errors, 20) then table.insert(result.timeouts, 'every diagnostic an error') end
  local counts = vim.empty_dict()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local key = tostring(d.source) .. ':' .. tostring(d.code) .. ':' .. vim.diagnostic.severity[d.severity]
    counts[key] = (counts[key] or 0) + 1
  end
  result.diagnostics = counts
  local clients = {}
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do table.insert(clients, client.name) end
  result.clients = clients
  vim.lsp.stop_client(vim.lsp.get_active_clients())
end)
if not ok then result.error = tostring(err) end
local file = assert(io.open(vim.env.RFC_RESULT, 'w'))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qall!')
