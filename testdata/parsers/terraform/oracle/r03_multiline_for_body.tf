locals { nodes = {
 for i in range(2) : "w${i}" => {
 n = i
 }
 } }
