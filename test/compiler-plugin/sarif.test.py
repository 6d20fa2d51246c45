"""Prints the results of a SARIF log, one line each: level, file:line:col,
message; then the number of rules. clang writes the log to stderr, followed
by its 'N warnings generated.' line, which is ignored."""
import json
import os
import sys

log, _ = json.JSONDecoder().raw_decode(open(sys.argv[1]).read().lstrip())
run = log["runs"][0]
for result in run["results"]:
    where = result["locations"][0]["physicalLocation"]
    region = where["region"]
    print(result["level"],
          "%s:%d:%d" % (os.path.basename(where["artifactLocation"]["uri"]),
                        region["startLine"], region["startColumn"]),
          result["message"]["text"])
print("rules", len(run["tool"]["driver"]["rules"]))
