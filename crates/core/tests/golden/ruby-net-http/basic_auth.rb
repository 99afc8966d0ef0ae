require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything/basic")
request = Net::HTTP::Put.new(uri)
request.body = "{\"ok\": true}"
request["Content-Type"] = "application/json"
request.basic_auth("peter", "s3cr3t: 'quoted' ü")

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
