/**
 * Small pieces of storage plumbing that every feature may use.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.daybook.support;
