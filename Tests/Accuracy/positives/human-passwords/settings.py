# Made-up passwords of the kind people choose: words, a year, a symbol.
DB_PASSWORD = "Summer2023!"
redis_password = "Welcome@2024"
mysql_pwd = "P@ssw0rd2019"
password = "dragonfly"
