-- Checks the language server in an editor that is not VS Code: Neovim (0.7 or later) starts
-- `node dist/server.js --stdio`, opens a draft and writes the diagnostics the server
-- publishes to a file, then quits. Run from the repository after `npm run build`:
--   nvim --headless -u NONE -c 'luafile scripts/neovim-check.lua' [draft.md]
-- The diagnostics go to attest-neovim.txt in the current folder, one per line as
-- "line:column code message", the same positions `attest check` prints.
local root = vim.fn.getcwd()
local draft = vim.v.argv[#vim.v.argv]
if not draft:match('%.md$') then draft = root .. '/examples/brief.md' end
local out_file = root .. '/attest-neovim.txt'

local client_id = vim.lsp.start_client({
  name = 'attest',
  cmd = { 'node', root .. '/dist/server.js', '--stdio' },
  root_dir = root,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result)
      if #result.diagnostics == 0 then return end
      local lines = {}
      for _, d in ipairs(result.diagnostics) do
        table.insert(lines, string.format('%d:%d %s %s', d.range.start.line + 1, d.range.start.character + 1, d.code, d.message))
      end
      local f = assert(io.open(out_file, 'w'))
      f:write(table.concat(lines, '\n') .. '\n')
      f:close()
      vim.schedule(function() vim.cmd('qa!') end)
    end,
  },
})
vim.cmd('edit ' .. draft)
vim.lsp.buf_attach_client(0, client_id)
vim.defer_fn(function()
  io.stderr:write('Attest: no diagnostics within 20 seconds\n')
  vim.cmd('cquit 1')
end, 20000)
