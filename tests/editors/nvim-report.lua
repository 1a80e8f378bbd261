-- Run by tests/neovim.test.ts after the README's snippet (the init file) has attached crisislint:
-- waits for the diagnostics of the opened file and prints them, one per line, as
-- LINE:COL SEVERITY CODE (0-based line, byte column, as Neovim stores them), then quits.
local buf = vim.api.nvim_get_current_buf()
local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local out = io.stdout
if not got then
  out:write('no diagnostics\n')
else
  local clients = {}
  for _, client in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(clients, client.name) end
  out:write('clients: ' .. table.concat(clients, ',') .. '\n')
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    out:write(string.format('%d:%d %d %s\n', d.lnum, d.col, d.severity, d.code or lsp.code or '?'))
  end
end
out:flush()
vim.cmd('qall!')
