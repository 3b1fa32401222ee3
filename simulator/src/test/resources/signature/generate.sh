#!/usr/bin/env bash
# Regenerates the signature test fixtures (run once; the outputs are committed). Test CAs and a
# signing certificate valid for 100 years, an expired one, one without echo-api.amazon.com in its
# SANs, and one from a CA the tests do not trust. Nothing here is trusted outside the tests.
set -euo pipefail
cd "$(dirname "$0")"
KS=fixtures.p12
P=changeit
rm -f "$KS" ./*.pem ./*.csr
kt() { keytool -keystore "$KS" -storepass "$P" -storetype PKCS12 "$@"; }
kt -genkeypair -alias ca -keyalg RSA -keysize 2048 -dname "CN=CRM Voice Test Root CA" -ext bc:c -validity 36500
kt -genkeypair -alias rogue-ca -keyalg RSA -keysize 2048 -dname "CN=Rogue Test CA" -ext bc:c -validity 36500
kt -genkeypair -alias signer -keyalg RSA -keysize 2048 -dname "CN=echo-api.amazon.com" -validity 36500
kt -certreq -alias signer -file signer.csr
kt -gencert -alias ca -infile signer.csr -outfile signer.pem -rfc -ext san=dns:echo-api.amazon.com -validity 36500
kt -gencert -alias ca -infile signer.csr -outfile expired.pem -rfc -ext san=dns:echo-api.amazon.com -startdate -400d -validity 30
kt -gencert -alias ca -infile signer.csr -outfile wrong-san.pem -rfc -ext san=dns:example.com -validity 36500
kt -gencert -alias rogue-ca -infile signer.csr -outfile rogue.pem -rfc -ext san=dns:echo-api.amazon.com -validity 36500
kt -exportcert -alias ca -rfc -file ca.pem
kt -exportcert -alias rogue-ca -rfc -file rogue-ca.pem
cat signer.pem ca.pem > chain.pem
cat expired.pem ca.pem > expired-chain.pem
cat wrong-san.pem ca.pem > wrong-san-chain.pem
cat rogue.pem rogue-ca.pem > rogue-chain.pem
rm -f signer.csr signer.pem expired.pem wrong-san.pem rogue.pem rogue-ca.pem
