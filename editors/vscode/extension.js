// Starts `zhunru lsp` for .rules files (docs/editors.md). The server does the
// work; this file only tells VS Code how to run it.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("zhunru");
  const lang = config.get("lang") || (vscode.env.language.startsWith("zh") ? "zh" : "en");
  const server = { command: config.get("path") || "zhunru", args: ["lsp", "--lang", lang] };
  client = new LanguageClient(
    "zhunru",
    "zhunru",
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: "file", language: "zhunru" }],
      initializationOptions: { lang },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
