package io.flops.common.sla;

import jakarta.validation.constraints.NotNull;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Finds the list fields of an SLA record and of the records nested in it. */
final class SlaLists {

  private SlaLists() {}

  /** Every list component, as {@code Record.component}, in {@code sla} and its nested records. */
  static List<String> listComponents(Class<?> sla) {
    List<String> lists = new ArrayList<>();
    visit(sla, (component, entries) -> lists.add(name(component)));
    return lists;
  }

  /** The list components whose entries are not marked {@link NotNull}. */
  static List<String> componentsWithNullableEntries(Class<?> sla) {
    List<String> nullable = new ArrayList<>();
    visit(
        sla,
        (component, entries) -> {
          if (!entries.isAnnotationPresent(NotNull.class)) {
            nullable.add(name(component));
          }
        });
    return nullable;
  }

  private static void visit(Class<?> record, ListVisitor visitor) {
    for (RecordComponent component : record.getRecordComponents()) {
      AnnotatedType type = component.getAnnotatedType();
      if (List.class.isAssignableFrom(component.getType())
          && type instanceof AnnotatedParameterizedType list) {
        visitor.visit(component, list.getAnnotatedActualTypeArguments()[0]);
      } else if (component.getType().isRecord()) {
        visit(component.getType(), visitor);
      }
    }
  }

  private static String name(RecordComponent component) {
    return component.getDeclaringRecord().getSimpleName() + "." + component.getName();
  }

  @FunctionalInterface
  private interface ListVisitor {
    void visit(RecordComponent component, AnnotatedType entries);
  }
}
