SECRET_KEY = os.environ["SECRET_KEY"]
API_TOKEN = os.getenv("API_TOKEN", "")
PASSWORD = settings.DATABASES["default"]["PASSWORD"]
SENDGRID_API_KEY = "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
