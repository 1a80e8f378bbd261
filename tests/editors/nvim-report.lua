-- Run by tests/neovim.test.ts after the README's snippet (the init file) has attached crisislint:
-- waits for the diagnostics of the opened file and prints them, one per line, as
-- LINE:COL SEVERITY CODE (0-based line, byte column, as Neovim stores them); then asks for the
-- code actions of the first passive-voice finding, applies the preferred one as Neovim applies
-- edits, and prints the edited line. Then quits.
local buf = vim.api.nvim_get_current_buf()
local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local out = io.stdout
if not got then
  out:write('no diagnostics\n')
else
  local clients = {}
  for _, client in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(clients, client.name) end
  out:write('clients: ' .. table.concat(clients, ',') .. '\n')
  local passive
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or ((d.user_data or {}).lsp or {}).code or '?'
    out:write(string.format('%d:%d %d %s\n', d.lnum, d.col, d.severity, code))
    if code == 'passive-voice' and not passive then passive = d end
  end
  if passive then
    -- What :lua vim.lsp.buf.code_action() sends with the cursor on the finding.
    vim.api.nvim_win_set_cursor(0, { passive.lnum + 1, passive.col })
    local params = vim.lsp.util.make_range_params()
    params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf) }
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}
    local chosen, encoding
    for client_id, response in pairs(responses) do
      for _, action in ipairs(response.result or {}) do
        -- The first preferred fix, as a user would pick one from the menu.
        if not chosen and action.isPreferred and action.diagnostics[1].code == 'passive-voice' then
          chosen, encoding = action, vim.lsp.get_client_by_id(client_id).offset_encoding
        end
      end
    end
    if chosen then
      vim.lsp.util.apply_workspace_edit(chosen.edit, encoding)
      out:write('edited: ' .. vim.api.nvim_buf_get_lines(buf, passive.lnum, passive.lnum + 1, false)[1] .. '\n')
    end
  end
end
out:flush()
vim.cmd('qall!')
