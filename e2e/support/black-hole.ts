/** An upstream that accepts connections and never answers: the portal's timeouts meet it. */
import { createServer, type Socket } from "node:net";

const port = Number(process.argv[2]);
const sockets = new Set<Socket>();
createServer((socket) => {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
  socket.on("error", () => undefined);
}).listen(port, "127.0.0.1", () => console.log(`black hole on ${port}`));
