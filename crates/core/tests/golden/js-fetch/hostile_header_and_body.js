const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    method: "POST",
    headers: {
        "X-Hostile": "it's \"quoted\" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <",
        "Content-Type": "text/plain;charset=UTF-8",
    },
    body: "line one\nit's \"two\" \\ `uname` $(id) ${HOME} !! {a,b}\n\ttab'end'",
});

console.log(response.status, response.statusText);
console.log(await response.text());
