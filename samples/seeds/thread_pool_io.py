# From seed article 003 ("Async programming", concurrent.futures), the I/O-bound half:
# a ThreadPoolExecutor runs fetch() for each URL and the results are collected in order.
# The article's snippet uses fetch and urls without defining them; here fetch simulates a
# network call with a short sleep (which releases the GIL). The CPU-bound half uses
# ProcessPoolExecutor, which belongs to Gilt's processes work and is not available yet.
import time
from concurrent.futures import ThreadPoolExecutor

urls = ["https://example.com/page/%d" % i for i in range(10)]


def fetch(url):
    time.sleep(0.1)
    return "%s: %d bytes" % (url, len(url) * 100)


# I/O-bound
with ThreadPoolExecutor(max_workers=10) as executor:
    futures = [executor.submit(fetch, url) for url in urls]
    results = [f.result() for f in futures]

for r in results:
    print(r)
