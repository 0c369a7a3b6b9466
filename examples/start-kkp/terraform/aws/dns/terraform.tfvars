domain = "kkp.example.com"
