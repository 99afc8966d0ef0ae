// The API reference's worker: the reference module (src/reference) started again, off the page's thread,
// where it reads descriptions. A module worker; the browser has the module cached from the page's import.
import start from "./reference.js";
start();
