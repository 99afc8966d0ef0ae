require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything")
request = Net::HTTP::Get.new(uri)
request["X-Tag"] = "a"
request["X-Other"] = "1"
request.add_field("X-Tag", "b")
request.add_field("x-tag", "c")

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
