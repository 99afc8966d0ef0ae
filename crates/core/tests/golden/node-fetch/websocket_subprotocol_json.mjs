import WebSocket from "ws";

const url = "ws://localhost:8080/websocket/echo";
const message = "{\"type\": \"hello\", \"text\": \"Hi there\"}";

const socket = new WebSocket(url, ["chat.v1", "chat.v2"], {
    headers: {
        "X-Client": "reqlab-snippet",
    },
});
socket.binaryType = "arraybuffer";

// Closes (1000, a normal closure) once no message has come for 5 seconds.
let idle;
const closeWhenIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => socket.close(1000), 5000);
};

socket.addEventListener("open", () => {
    console.log("connected, subprotocol:", socket.protocol);
    socket.send(message);
    closeWhenIdle();
});
socket.addEventListener("message", (event) => {
    console.log(typeof event.data === "string" ? event.data : new Uint8Array(event.data));
    closeWhenIdle();
});
socket.addEventListener("close", (event) => {
    clearTimeout(idle);
    console.log("closed", event.code, event.reason);
});
socket.addEventListener("error", (event) => {
    console.error(event.message);
    process.exitCode = 1;
});
