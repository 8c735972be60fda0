//! The files that publish a new site from a Git host on every push (pure): a GitHub Actions
//! workflow for GitHub Pages, or a `.gitlab-ci.yml` for GitLab Pages.
//!
//! Both install minhbach from its source with `cargo install --locked --git`. The address of
//! minhbach's repository is not known here, so it is a variable, `MINHBACH_GIT`, set once in
//! the host's settings (or edited in the file); the files say how. Both build with
//! `--base-url` set to the address the host gives the site, so that a site published under a
//! project path (`https://agency.github.io/portal/`) gets every link under that path,
//! whatever `base_url` says in `site-config.toml`.

use clap::ValueEnum;

/// Where the site is published from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Host {
    /// GitHub Pages, built by GitHub Actions (`.github/workflows/pages.yml`).
    Github,
    /// GitLab Pages, built by GitLab CI (`.gitlab-ci.yml`).
    Gitlab,
}

pub const GITHUB_FILE: &str = ".github/workflows/pages.yml";
pub const GITLAB_FILE: &str = ".gitlab-ci.yml";

/// The files for `host`, by path in the site folder.
pub fn files(host: Host) -> Vec<(&'static str, &'static str)> {
    match host {
        Host::Github => vec![(GITHUB_FILE, GITHUB_WORKFLOW)],
        Host::Gitlab => vec![(GITLAB_FILE, GITLAB_CI)],
    }
}

const GITHUB_WORKFLOW: &str = r#"# Builds the site with minhbach and publishes it on GitHub Pages at every push to main.
#
# Once, in the repository on GitHub:
# 1. Settings > Pages > Build and deployment > Source: choose "GitHub Actions".
# 2. Settings > Secrets and variables > Actions > Variables > New repository variable:
#    name MINHBACH_GIT, value the Git address of minhbach's source code (the address you
#    would give to `git clone`). minhbach is installed from its source with cargo, and this
#    file cannot know that address; instead of the variable, you may also replace the
#    address after `||` below. To stay on one version of minhbach, add `--tag vX.Y.Z` to the
#    `cargo install` line.
#
# The site is built with --base-url set to the address GitHub Pages gives it
# (https://OWNER.github.io/REPOSITORY, or your own domain), so every link works under that
# path whatever base_url says in site-config.toml.
name: Publish the site

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  MINHBACH_GIT: ${{ vars.MINHBACH_GIT || 'https://example.org/minhbach.git' }}

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Check out the site
        uses: actions/checkout@v6
      - name: Set up GitHub Pages
        id: pages
        uses: actions/configure-pages@v6
      - name: Restore minhbach from the cache
        uses: actions/cache@v5
        with:
          path: ~/.minhbach
          key: minhbach-${{ runner.os }}-${{ github.run_id }}
          restore-keys: minhbach-${{ runner.os }}-
      - name: Install minhbach
        # Compiles minhbach the first time (a few minutes); afterwards cargo finds it
        # installed and only rebuilds when minhbach's source has changed.
        run: |
          rustup update stable --no-self-update
          cargo install --locked --root ~/.minhbach --git "$MINHBACH_GIT" minhbach
          echo "$HOME/.minhbach/bin" >> "$GITHUB_PATH"
      - name: Build the site
        run: minhbach build --base-url "${{ steps.pages.outputs.base_url }}" --output public
      - name: Upload the site
        uses: actions/upload-pages-artifact@v5
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Publish on GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v5
"#;

const GITLAB_CI: &str = r#"# Builds the site with minhbach and publishes it on GitLab Pages at every push to the
# default branch.
#
# Once, in the project on GitLab: Settings > CI/CD > Variables > Add variable: key
# MINHBACH_GIT, value the Git address of minhbach's source code (the address you would give
# to `git clone`). minhbach is installed from its source with cargo, and this file cannot
# know that address; instead of the variable, you may also replace the address below (a
# variable set in the settings wins over it). To stay on one version of minhbach, add
# `--tag vX.Y.Z` to the `cargo install` line.
#
# The site is built with --base-url "$CI_PAGES_URL", the address GitLab Pages gives it
# (https://GROUP.gitlab.io/PROJECT, or your own domain), so every link works under that
# path whatever base_url says in site-config.toml.

variables:
  MINHBACH_GIT: "https://example.org/minhbach.git"

pages:
  stage: deploy
  image: rust:1-slim
  cache:
    key: minhbach
    paths:
      - .minhbach/
  script:
    # Compiles minhbach the first time (a few minutes); afterwards cargo finds it in the
    # cache and only rebuilds when minhbach's source has changed.
    - cargo install --locked --root .minhbach --git "$MINHBACH_GIT" minhbach
    - .minhbach/bin/minhbach build --base-url "$CI_PAGES_URL" --output public
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"#;
