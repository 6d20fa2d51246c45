//===--- NameAudit.cpp - async-lint ---------------------------------------===//
//
// async-lint-name-audit: which entries of the checks' library lists name a
// declaration of a given library's real headers. The checks match calls and
// types against those lists (model::NameMatcher); an entry that names nothing
// the library declares can never fire, however the code is written. This
// tool parses one unit (typically one that includes a library's headers),
// gathers the canonical name of every declaration at namespace or class
// scope, and answers, for each pattern read from a file, how many of those
// names it matches, with one example. bench/library_audit.py runs it per
// library.
//
//   async-lint-name-audit <patterns-file> <source> [-- <compiler args>]
//
// Output, one line per pattern: <pattern> TAB <count> TAB <example or "-">.
//
//   async-lint-name-audit --tables
//
// prints the libraries' tables of the shared lists (Model/Libraries.def),
// one line per name: <library> TAB <list> TAB <name>, so that the audit
// reads each library's entries from that library's own table.
//
//===----------------------------------------------------------------------===//

#include "Model/Library.h"
#include "Model/NameMatcher.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <string>
#include <vector>

using namespace clang;
namespace model = clang::tidy::async::model;

namespace {

/// Collects the names a list entry could match: the canonical name of every
/// declaration at namespace, class or enumeration scope (a function's
/// locals are nobody's API), and, as the checks name a member call also by
/// the type it is called on (model::describeCall), each class's name joined
/// with the members it inherits: 'std::future::wait' is declared in a base.
class DeclaredNames : public RecursiveASTVisitor<DeclaredNames> {
public:
  llvm::StringSet<> Names;

  bool VisitNamedDecl(NamedDecl *D) {
    const DeclContext *DC = D->getDeclContext();
    if (!DC || !(DC->isFileContext() || isa<TagDecl>(DC)))
      return true;
    if (!D->getIdentifier() && !isa<CXXConstructorDecl>(D))
      return true;
    Names.insert(model::canonicalName(*D));
    if (const auto *Record = dyn_cast<CXXRecordDecl>(D);
        Record && Record->hasDefinition())
      addInherited(model::canonicalName(*Record), *Record->getDefinition());
    return true;
  }
  // Bodies declare only locals: not walked (the headers are large).
  bool TraverseStmt(Stmt *) { return true; }

private:
  /// The class a base specifier names, also when it is a dependent
  /// specialization (a class template's base in its pattern).
  static const CXXRecordDecl *baseClass(QualType T) {
    if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
      return RD;
    if (const auto *Spec = T->getAs<TemplateSpecializationType>())
      if (const auto *CT = dyn_cast_or_null<ClassTemplateDecl>(
              Spec->getTemplateName().getAsTemplateDecl()))
        return CT->getTemplatedDecl();
    return nullptr;
  }

  void addInherited(const std::string &Derived, const CXXRecordDecl &Record) {
    for (llvm::StringRef Member : membersOfBases(Record))
      Names.insert(Derived + "::" + Member.str());
  }

  /// The names of the members \p Record inherits, from every base, once
  /// per class (a recursive template such as std::tuple's implementation
  /// derives from itself through its partial specializations).
  const std::vector<std::string> &membersOfBases(const CXXRecordDecl &Record) {
    auto [It, New] = Inherited.try_emplace(&Record);
    if (!New)
      return It->second;
    llvm::StringSet<> Found;
    for (const CXXBaseSpecifier &Base : Record.bases()) {
      const CXXRecordDecl *RD = baseClass(Base.getType());
      if (!RD)
        continue;
      // A base that is a class template may be any of its partial
      // specializations (libstdc++'s __atomic_ref, whose primary template
      // is only declared): each may declare the member.
      llvm::SmallVector<const CXXRecordDecl *, 4> Bases;
      if (RD->getDefinition())
        Bases.push_back(RD->getDefinition());
      if (const ClassTemplateDecl *CT = RD->getDescribedClassTemplate()) {
        llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 4> Partial;
        const_cast<ClassTemplateDecl *>(CT)->getPartialSpecializations(Partial);
        for (const auto *P : Partial)
          if (P->hasDefinition())
            Bases.push_back(P);
      }
      for (const CXXRecordDecl *B : Bases) {
        if (B == &Record)
          continue;
        for (const Decl *Member : B->decls())
          if (const auto *ND = dyn_cast<NamedDecl>(Member);
              ND && ND->getIdentifier())
            Found.insert(ND->getName());
        for (const std::string &Name : membersOfBases(*B))
          Found.insert(Name);
      }
    }
    std::vector<std::string> Sorted;
    for (const auto &Entry : Found)
      Sorted.push_back(Entry.getKey().str());
    // try_emplace's iterator may be invalidated by the recursion.
    return Inherited[&Record] = std::move(Sorted);
  }

  /// The members each class inherits (empty while being computed: a cycle
  /// through partial specializations ends there).
  llvm::DenseMap<const CXXRecordDecl *, std::vector<std::string>> Inherited;
};

int usage() {
  llvm::errs() << "usage: async-lint-name-audit <patterns-file> <source> "
                  "[-- <compiler args>]\n"
                  "       async-lint-name-audit --tables\n";
  return 2;
}

/// Prints every name of the libraries' tables with its library and list.
int printTables() {
  model::Library::forEachTableEntry(
      [](llvm::StringRef Lib, llvm::StringRef List, llvm::StringRef Names) {
        llvm::SmallVector<llvm::StringRef, 8> Parts;
        Names.split(Parts, ';', -1, /*KeepEmpty=*/false);
        for (llvm::StringRef Name : Parts)
          llvm::outs() << Lib << '\t' << List << '\t' << Name.trim() << '\n';
      });
  return 0;
}

} // namespace

int main(int Argc, const char **Argv) {
  if (Argc == 2 && llvm::StringRef(Argv[1]) == "--tables")
    return printTables();
  if (Argc < 3)
    return usage();
  std::vector<std::string> Args;
  for (int I = 3; I < Argc; ++I)
    if (llvm::StringRef(Argv[I]) != "--" || I != 3)
      Args.push_back(Argv[I]);

  auto Patterns = llvm::MemoryBuffer::getFile(Argv[1]);
  if (!Patterns) {
    llvm::errs() << "error: cannot read '" << Argv[1]
                 << "': " << Patterns.getError().message() << "\n";
    return 1;
  }
  auto Source = llvm::MemoryBuffer::getFile(Argv[2]);
  if (!Source) {
    llvm::errs() << "error: cannot read '" << Argv[2]
                 << "': " << Source.getError().message() << "\n";
    return 1;
  }

  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      (*Source)->getBuffer(), Args, Argv[2], "async-lint-name-audit");
  if (!AST || AST->getDiagnostics().hasErrorOccurred()) {
    llvm::errs() << "error: '" << Argv[2]
                 << "' does not compile with the arguments given; the audit "
                    "needs the library's headers to parse\n";
    return 1;
  }

  DeclaredNames Declared;
  Declared.TraverseAST(AST->getASTContext());

  llvm::SmallVector<llvm::StringRef, 0> Lines;
  (*Patterns)->getBuffer().split(Lines, '\n', -1, false);
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef Pattern = Line.trim();
    if (Pattern.empty())
      continue;
    model::NameMatcher Matcher(Pattern);
    unsigned Count = 0;
    llvm::StringRef Example;
    for (const auto &Name : Declared.Names)
      if (Matcher.matches(Name.getKey())) {
        // The smallest name is the example: stable across runs (the set is
        // unordered).
        if (Count++ == 0 || Name.getKey() < Example)
          Example = Name.getKey();
      }
    llvm::outs() << Pattern << '\t' << Count << '\t'
                 << (Count ? Example : llvm::StringRef("-")) << '\n';
  }
  return 0;
}
