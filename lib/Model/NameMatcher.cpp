//===--- NameMatcher.cpp - async-lint -------------------------------------===//

#include "NameMatcher.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::model {

/// Appends the name of \p D itself (its class's for a constructor).
static void appendNameOf(const NamedDecl &D, std::string &Out) {
  DeclarationName Name = D.getDeclName();
  if (Name.isIdentifier()) {
    Out += D.getName();
    return;
  }
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&D)) {
    Out += Ctor->getParent()->getName();
    return;
  }
  Out += Name.getAsString();
}

std::string canonicalName(const NamedDecl &D) {
  // The enclosing scopes that name D, innermost first; kept as references
  // into the AST and joined once (this runs for every call the checks
  // look at).
  llvm::SmallVector<llvm::StringRef, 8> Scopes;
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Scopes.push_back(NS->getName());
      continue;
    }
    if (const auto *Tag = dyn_cast<TagDecl>(DC)) {
      Scopes.push_back(Tag->getName().empty() ? llvm::StringRef("(anonymous)")
                                              : Tag->getName());
      continue;
    }
    // A function-local entity: its enclosing scopes do not name it.
    if (isa<FunctionDecl>(DC) || isa<BlockDecl>(DC))
      break;
  }
  std::string Result;
  Result.reserve(64);
  for (llvm::StringRef Scope : llvm::reverse(Scopes)) {
    Result += "::";
    Result += Scope;
  }
  Result += "::";
  appendNameOf(D, Result);
  return Result;
}

std::string canonicalTypeName(QualType T) {
  const CXXRecordDecl *RD =
      T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD ? canonicalName(*RD) : std::string();
}

std::string displayName(llvm::StringRef Canonical) {
  Canonical.consume_front("::");
  return Canonical.str();
}

std::vector<std::string> splitList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 16> Items;
  Value.split(Items, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Result;
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (!Item.empty())
      Result.push_back(Item.str());
  }
  return Result;
}

std::string joinList(const std::vector<std::string> &Items) {
  return llvm::join(Items, ";");
}

NameMatcher::NameMatcher(llvm::StringRef OptionValue)
    : Patterns(splitList(OptionValue)) {
  for (const std::string &Pattern : Patterns)
    Exact.push_back(llvm::StringRef(Pattern).starts_with("::"));
}

llvm::StringRef NameMatcher::match(llvm::StringRef Name) const {
  if (Name.empty())
    return {};
  const char Last = Name.back();
  for (unsigned I = 0, N = Patterns.size(); I != N; ++I) {
    llvm::StringRef P(Patterns[I]);
    // Patterns are not empty (splitList); most differ from the name in
    // their last character, tested before comparing the rest.
    if (P.back() != Last)
      continue;
    if (Exact[I]) {
      if (Name == P)
        return P;
      continue;
    }
    if (Name.size() >= P.size() + 2 && Name.ends_with(P) &&
        Name.drop_back(P.size()).ends_with("::"))
      return P;
  }
  return {};
}

} // namespace clang::tidy::async::model
