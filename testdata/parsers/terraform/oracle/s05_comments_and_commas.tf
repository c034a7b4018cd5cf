/* block comment
   over lines */
resource "aws_s3_bucket" "b" { # trailing
  bucket = "b" // another
  tags = {
    Name = "b",
    Env  = "dev"
  }
  // a comment with } and { inside
}
