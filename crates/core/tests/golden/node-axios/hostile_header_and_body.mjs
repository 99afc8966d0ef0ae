import axios from "axios";

const response = await axios({
    method: "POST",
    url: "http://localhost:8080/anything",
    headers: {
        "X-Hostile": "it's \"quoted\" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <",
        "Content-Type": "text/plain;charset=UTF-8",
    },
    data: "line one\nit's \"two\" \\ `uname` $(id) ${HOME} !! {a,b}\n\ttab'end'",
});

console.log(response.status, response.statusText);
console.log(response.data);
