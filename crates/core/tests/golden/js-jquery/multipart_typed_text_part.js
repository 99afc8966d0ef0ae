// Runs in a page that loads jQuery, e.g. <script src="https://code.jquery.com/jquery-4.0.0.min.js"></script>.
// Choose "hello.txt" in the page's <input type="file">.
const file = document.querySelector("input[type=file]").files[0];

const form = new FormData();
form.append("meta", "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}");
form.append("title", "plain; field");
form.append("notes", new Blob([file], { type: "text/markdown" }), "hello.txt");

$.ajax({
    url: "http://localhost:8080/anything",
    method: "POST",
    data: form,
    processData: false,
    contentType: false,
})
    .done((data, textStatus, xhr) => {
        console.log(xhr.status, xhr.statusText);
        console.log(xhr.responseText);
    })
    .fail((xhr, textStatus, error) => console.error(textStatus, error));
