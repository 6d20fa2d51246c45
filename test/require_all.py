"""The lit test format under ASYNC_LINT_REQUIRE_ALL (see lit.cfg.py). A
module of its own, not a class in lit.cfg.py, because lit hands the format
to its worker processes by pickling, which finds classes by module name."""

import re

import lit.formats
import lit.Test

import prerequisites


class RequireAll(lit.formats.ShTest):
    """Runs tests as ShTest does, but a test left unsupported for want of
    an optional prerequisite (prerequisites.FEATURES) fails: for machines
    meant to have them all (`utils/bootstrap.sh test`)."""

    def execute(self, test, lit_config):
        result = super().execute(test, lit_config)
        if result.code != lit.Test.UNSUPPORTED:
            return result
        missing = set()
        if test.config.unsupported:
            # A suite's lit.local.cfg turned the whole folder off.
            missing.add(getattr(test.config, "async_lint_suite_requires", ""))
        else:
            for item in test.getMissingRequiredFeatures():
                missing |= set(re.findall(r"[\w-]+", item))
        missing = sorted(f for f in missing if f in prerequisites.FEATURES
                         and f not in test.config.available_features)
        if not missing:
            return result
        return lit.Test.Result(lit.Test.FAIL, "".join(
            f"async-lint: this test needs '{f}', which is missing: "
            f"{prerequisites.describe(f)} (a failure, not unsupported, "
            "because ASYNC_LINT_REQUIRE_ALL is set)\n" for f in missing))
