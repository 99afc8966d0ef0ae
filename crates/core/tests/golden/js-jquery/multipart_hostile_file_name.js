// Runs in a page that loads jQuery, e.g. <script src="https://code.jquery.com/jquery-4.0.0.min.js"></script>.
// Choose "my file's data.csv" in the page's <input type="file">.
const file = document.querySelector("input[type=file]").files[0];

const form = new FormData();
form.append("data", new Blob([file], { type: "text/csv" }), "my file's data.csv");
form.append("comment", "it's \"fine\" $(id) `x` <x;y>");

$.ajax({
    url: "http://localhost:8080/anything/upload",
    method: "PUT",
    data: form,
    processData: false,
    contentType: false,
})
    .done((data, textStatus, xhr) => {
        console.log(xhr.status, xhr.statusText);
        console.log(xhr.responseText);
    })
    .fail((xhr, textStatus, error) => console.error(textStatus, error));
