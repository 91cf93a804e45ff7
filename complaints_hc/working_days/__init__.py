"""Working days: the pure engine (`engine`) and the site's calendar built on it (`site`)."""
