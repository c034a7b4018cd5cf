data "http" "p" { url = "http://127.0.0.1:9/x" }
output "o" { value = data.http.p.body }
