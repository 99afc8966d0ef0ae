require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything/upload")
request = Net::HTTP::Put.new(uri)
request.set_form([
    ["data", File.open("my file's data.csv", "rb"), { filename: "my file's data.csv", content_type: "text/csv" }],
    ["comment", "it's \"fine\" $(id) `x` <x;y>"],
], "multipart/form-data")

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
