const xhr = new XMLHttpRequest();
xhr.open("POST", "http://localhost:8080/anything");
xhr.setRequestHeader("X-Hostile", "it's \"quoted\" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <");
xhr.setRequestHeader("Content-Type", "text/plain;charset=UTF-8");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send("line one\nit's \"two\" \\ `uname` $(id) ${HOME} !! {a,b}\n\ttab'end'");
