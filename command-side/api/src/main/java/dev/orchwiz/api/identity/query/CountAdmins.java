package dev.orchwiz.api.identity.query;

public record CountAdmins() {}
