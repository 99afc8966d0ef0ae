# This request opens a WebSocket (a ws:// or wss:// URL), and Python gql has no WebSocket client.
# These targets write WebSocket code for it: curl, curl (Windows cmd), curl.exe (PowerShell), Python requests, JavaScript fetch, Node fetch.
