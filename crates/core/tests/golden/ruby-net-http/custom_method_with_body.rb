require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything/dav")
request = Net::HTTPGenericRequest.new("PROPFIND", true, true, uri)
request.body = "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/></propfind>"
request["Depth"] = "1"
request["Content-Type"] = "application/xml"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
