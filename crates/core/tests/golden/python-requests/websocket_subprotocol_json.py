from websockets.exceptions import ConnectionClosedOK
from websockets.sync.client import connect

url = "ws://localhost:8080/websocket/echo"
headers = {
    "X-Client": "reqlab-snippet",
}
message = "{\"type\": \"hello\", \"text\": \"Hi there\"}"

with connect(url, additional_headers=headers, subprotocols=["chat.v1", "chat.v2"]) as websocket:
    print("connected, subprotocol:", websocket.subprotocol)
    websocket.send(message)
    # Prints each message until none comes for 5 seconds or the server closes.
    try:
        while True:
            print(websocket.recv(timeout=5))
    except (TimeoutError, ConnectionClosedOK):
        pass
    websocket.close(1000)
