# A Debian package of the install layout: `cpack -G DEB` in the build
# directory (docs/install.md). The binaries and the plugin are built against
# one exact LLVM 22 (the plugins run inside clang-tidy-22 and clang++-22 and
# must match their C++ ABI), so the package depends on exactly the Debian versions of that
# runtime found on the build machine, and dpkg-shlibdeps adds the rest
# (gRPC, Protobuf, libstdc++).

# The installed version of a Debian package, or "" when it is not installed.
function(async_lint_debian_version package out)
  execute_process(
    COMMAND dpkg-query -W "-f=\${Version}" ${package}
    OUTPUT_VARIABLE version ERROR_QUIET RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    set(version "")
  endif()
  set(${out} "${version}" PARENT_SCOPE)
endfunction()

set(ASYNC_LINT_RUNTIME_PACKAGES
  clang-tidy-22 clangd-22 clang-22 libclang-cpp22 libllvm22
  libclang-common-22-dev)
set(runtime_depends "")
foreach(package IN LISTS ASYNC_LINT_RUNTIME_PACKAGES)
  async_lint_debian_version(${package} version)
  if(version STREQUAL "")
    message(STATUS "async-lint: ${package} is not installed; the .deb will "
                   "not depend on an exact version of it")
    list(APPEND runtime_depends "${package}")
  else()
    list(APPEND runtime_depends "${package} (= ${version})")
  endif()
endforeach()
list(JOIN runtime_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)

set(CPACK_PACKAGE_NAME "async-lint")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "async-lint developers <async-lint@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "static analyser for the pitfalls of C++20 coroutines")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "Finds the pitfalls of asynchronous C++ (tasks never awaited, blocking
calls in coroutines, references that dangle across a suspension, locks
held across co_await, ...) at compile time. Ships the async-lint command
(CI, pre-commit), async-lint-clangd (editors), a plugin for
clang-tidy-22 and a compiler plugin for clang++-22.")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_GENERATOR "DEB")
set(CPACK_STRIP_FILES ON)
include(CPack)
