// Minimal stand-in for Catch2's test macros, written for linting only.
#pragma once
namespace catch_stub { [[noreturn]] void fail(); }
#define CS_CAT2(a, b) a##b
#define CS_CAT(a, b) CS_CAT2(a, b)
#define TEST_CASE(...) static void CS_CAT(catch_test_, __LINE__)()
#define SCENARIO(...) TEST_CASE(__VA_ARGS__)
#define SECTION(...) if (true)
#define GIVEN(...) if (true)
#define WHEN(...) if (true)
#define THEN(...) if (true)
#define REQUIRE(...) do { if (!(__VA_ARGS__)) ::catch_stub::fail(); } while (false)
#define CHECK(...) REQUIRE(__VA_ARGS__)
#define REQUIRE_NOTHROW(...) do { (void)(__VA_ARGS__); } while (false)
#define REQUIRE_THROWS_AS(expr, type) do { try { (void)(expr); ::catch_stub::fail(); } catch (type const &) {} } while (false)
